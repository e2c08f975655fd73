// YAML (`---`) and TOML (`+++`) front matter: blanked out of the Markdown (offsets kept) and its title read.

export interface FrontMatter {
  /** The text with the front matter's characters replaced by spaces (line ends kept). */
  body: string;
  title?: string;
}

const FENCES: Record<string, RegExp> = { '---': /^(?:---|\.\.\.)[ \t]*$/u, '+++': /^\+\+\+[ \t]*$/u };

/** Only the block at the very start of the file counts, as static-site generators read it. */
export function splitFrontMatter(text: string): FrontMatter {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/u.exec(text);
  const close = open ? FENCES[open[1] ?? ''] : undefined;
  if (!open || !close) return { body: text };
  const lines = text.slice(open[0].length).split(/(?<=\n)/u);
  let end = open[0].length;
  let title: string | undefined;
  for (const line of lines) {
    end += line.length;
    const bare = line.replace(/\r?\n$/u, '');
    if (close.test(bare)) {
      const body = text.slice(0, end).replace(/[^\r\n]/gu, ' ') + text.slice(end);
      return title === undefined ? { body } : { body, title };
    }
    // `title: "A"` (YAML) or `title = "A"` (TOML): a top-level key, not `  title:` inside a map.
    const m = /^title\s*[:=]\s*(.*\S)\s*$/u.exec(bare);
    if (m?.[1] && title === undefined) title = m[1].replace(/^(["'])(.*)\1$/u, '$2');
  }
  return { body: text }; // never closed: not front matter
}
