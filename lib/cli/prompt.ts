import readline from "node:readline/promises";
import { Writable } from "node:stream";

/** Asks a question on the terminal; with `hidden`, typed characters are not echoed. */
export async function prompt(question: string, { hidden = false } = {}): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = rl.question(question);
    muted = hidden;
    return await answer;
  } finally {
    if (hidden) process.stdout.write("\n");
    rl.close();
  }
}
