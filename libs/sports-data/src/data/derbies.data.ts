import type { DerbyRecord } from '../directory.types.js';

export const DERBY_DATA: readonly DerbyRecord[] = [
  { name: 'El Clásico', aliases: ['El Clasico', 'Clásico', 'Clasico', 'The Clasico'], teams: ['1001', '1002'] },
  { name: 'Madrid derby', aliases: ['Derbi madrileño', 'Madrid derbi'], teams: ['1002', '1003'] },
  { name: 'Basque derby', aliases: ['Derbi vasco'], teams: ['1004', '1007'] },
  { name: 'Seville derby', aliases: ['Gran Derbi', 'Derbi sevillano'], teams: ['1008', '1006'] },
  { name: 'Manchester derby', aliases: ['Derbi de Manchester', 'Derby de Manchester'], teams: ['2002', '2003'] },
  { name: 'North London derby', aliases: ['NLD', 'Derbi del norte de Londres'], teams: ['2001', '2006'] },
  { name: 'Merseyside derby', aliases: ['Derbi de Merseyside', 'Liverpool derby'], teams: ['2004', '2014'] },
  { name: 'Derby della Madonnina', aliases: ['Madonnina', 'Milan derby', 'Derby di Milano', 'Derbi de Milán'], teams: ['3003', '3002'] },
  { name: "Derby d'Italia", aliases: ['Derbi de Italia'], teams: ['3003', '3001'] },
  { name: 'Derby della Capitale', aliases: ['Rome derby', 'Derbi de Roma', 'Derby di Roma'], teams: ['3005', '3006'] },
  { name: 'Derby della Mole', aliases: ['Turin derby', 'Derbi de Turín'], teams: ['3001', '3011'] },
  { name: 'Der Klassiker', aliases: ['Klassiker', 'German Klassiker', 'Clásico alemán'], teams: ['4001', '4002'] },
  { name: 'Le Classique', aliases: ['Classique', 'Clásico francés'], teams: ['5001', '5002'] },
  { name: 'Eternal derby', aliases: ['Večiti derbi', 'Belgrade derby'], teams: ['8010', '8009'] },
];
