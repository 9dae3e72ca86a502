// A real SMTP server on a free local port that keeps every message it receives, for tests of
// mail the app sends by SMTP (smtp-server, from nodemailer's authors).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { from: string; to: string[]; raw: string };

export type SmtpSink = {
  port: number;
  messages: CapturedMail[];
  /** While true, every recipient is refused with a temporary failure (451), as a mail server that is down for it would. */
  refusing: boolean;
  close: () => Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: CapturedMail[] = [];
  const sink = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!sink.refusing) return callback();
      const error = Object.assign(new Error(`Mailbox ${address.address} temporarily unavailable`), { responseCode: 451 });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(sink, { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}
