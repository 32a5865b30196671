// The server order id, derived as the exchange documents it: a letter for the transport (`a` REST,
// `s` WebSocket), the request time in hex, the user's UID, and the right nine characters of the
// client order id when it has at least nine letters and digits, nine random ones otherwise. A
// client that sends a usable id can therefore work out the order id before the answer arrives.

const USABLE_CLIENT_ID = /^[A-Za-z0-9]{9,}$/;
/** Whether the exchange derives the server order id's tail from this client order id (9+ letters and digits). @public */
export const isDerivableClientOrderId = (id: string | undefined): id is string =>
  id !== undefined && USABLE_CLIENT_ID.test(id);

const TAIL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** What the server order id is derived from. @public */
export interface ServerOrderIdInput {
  readonly transport: 'rest' | 'ws';
  /** The request's `time` (UTC ms). */
  readonly time: number;
  /** `U` and ten digits. */
  readonly userUID: string;
  /** The request's `id`, if any. */
  readonly clientOrderId?: string | undefined;
  /** Draws a number in [0, 1) for the random tail; only called when the client id is not usable. */
  readonly random?: () => number;
}

/** The server order id of a place or cancel request. @public */
export function serverOrderId(input: ServerOrderIdInput): string {
  const prefix = input.transport === 'rest' ? 'a' : 's';
  const clientId = input.clientOrderId;
  let tail: string;
  if (isDerivableClientOrderId(clientId)) tail = clientId.slice(-9);
  else {
    const random = input.random ?? Math.random;
    tail = '';
    for (let i = 0; i < 9; i++) tail += TAIL_ALPHABET[Math.floor(random() * TAIL_ALPHABET.length)];
  }
  return `${prefix}${input.time.toString(16)}${input.userUID}${tail}`;
}
