import { createInterface } from 'node:readline';

/** Asks on the terminal (the answer hidden for passwords); without a terminal, reads one line of standard input. */
export function ask(question: string, hidden = false): Promise<string> {
  const terminal = Boolean(process.stdin.isTTY);
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal });
  if (hidden && terminal) {
    // Echo the question only, never what is typed.
    // readline writes the echo through this undocumented method (what password prompts replace).
    Object.assign(lines, {
      _writeToOutput: (text: string) => {
        if (text.includes(question)) process.stderr.write(question);
      },
    });
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    lines.question(terminal ? question : '', (answer) => {
      answered = true;
      if (hidden && terminal) process.stderr.write('\n');
      lines.close();
      resolve(answer.trim());
    });
    lines.on('close', () => {
      if (!answered) reject(new Error(`no answer for "${question.trim()}"`));
    });
  });
}
