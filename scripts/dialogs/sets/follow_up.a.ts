import type { Dialog } from '../dialog.types.js';

export const dialogs: Dialog[] = [];
