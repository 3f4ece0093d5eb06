/** A message to a talent's own contact channel (an invitation, a verification code). */
export interface OutgoingMessage {
  channel: "sms" | "email";
  /** The full phone number or email address: the sender is the only place it is used in clear. */
  to: string;
  text: string;
}

/** Sends messages that leave the machine (SMS gateway, mail relay); tests use the in-memory twin. */
export interface Sender {
  send(message: OutgoingMessage): Promise<void>;
}

/** Keeps every message in `sent`, for tests to read the token or code a talent would receive. */
export class MemorySender implements Sender {
  readonly sent: OutgoingMessage[] = [];

  send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }
}

/**
 * The embedded default's sender: prints the message on the server's console (or `wrangler tail`),
 * a local stand-in for an SMS gateway or mail relay. Deployments plug a real one in through `Deps`.
 */
export const consoleSender: Sender = {
  send(message) {
    // The console is this sender's delivery channel, not a debug print.
    // eslint-disable-next-line no-console
    console.log(`[${message.channel} → ${message.to}] ${message.text}`);
    return Promise.resolve();
  },
};
