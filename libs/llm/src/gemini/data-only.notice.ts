/** The line that tells the user an answer came from the offline engine because Gemini could not answer. */

export type NoticeLanguage = 'en' | 'es';

const NOTICES: Record<NoticeLanguage, string> = {
  en: 'Note: the language model is not available right now, so I am answering in data-only mode, straight from the sports data.',
  es: 'Nota: el modelo de lenguaje no está disponible ahora mismo, así que respondo en modo solo datos, directamente con los datos deportivos.',
};

export function dataOnlyNotice(language: NoticeLanguage): string {
  return NOTICES[language];
}
