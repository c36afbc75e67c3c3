import type { Localized } from "../vocabulary.js";

/**
 * A line of everyday background noise. Placeholders are filled by the generator:
 * {member} another group member's nickname, {staff} an official staff name, {brand} the team's brand,
 * {group} the group's name, {client} the client, {num} a small number, {price} a price in yuan,
 * {time} a clock time, {date} a date, {link} a harmless https://*.example.com link, {phone} a masked phone.
 */
export type NoiseLine = Localized;

export interface NoiseCard {
  /** The name printed on a business card that members share for ordinary reasons. */
  name: Localized;
  /** The line under the name (job title, shop, note). */
  note: Localized;
  /** What the sharer says when posting it. */
  says: Localized;
}

export interface Corpora {
  /** Nicknames of ordinary members: a zh nickname and the English one shown when the UI is in English. */
  memberNames: Localized[];
  /** Official staff of the team (the real teachers, assistants, 班主任). */
  staffNames: Localized[];
  /** Names competitor accounts use when they pose as teachers or assistants. */
  raiderNames: Localized[];
  /** Fictional brands the team runs communities for. */
  brands: Localized[];
  /** Group names ({brand} may appear). */
  groupNames: Localized[];
  /** Client contact names (the person at the client who messages the team). */
  clientNames: Localized[];
  groupChat: NoiseLine[];
  /** What the team's own staff post in the group on an ordinary day. */
  staffChat: NoiseLine[];
  groupCards: NoiseCard[];
  articleTitles: NoiseLine[];
  articleParagraphs: NoiseLine[];
  comments: NoiseLine[];
  clientMessages: NoiseLine[];
  consoleEvents: NoiseLine[];
}
