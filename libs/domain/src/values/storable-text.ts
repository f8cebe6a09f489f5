/**
 * What PostgreSQL cannot store in `text` or `jsonb`: the NUL character (U+0000) and UTF-16
 * surrogates that are not part of a pair (a lone `\ud800` is not a character of any encoding;
 * `jsonb` refuses its escape and `text` would silently hold U+FFFD instead).
 *
 * One rule for every string that comes from a person or a model: input is refused with the
 * reason (naming its field), and text a model wrote that must be recorded anyway is made storable
 * with `storableText` (the characters replaced by U+FFFD, so the record shows where they were).
 */

const NUL = 0x0000;
const HIGH_FIRST = 0xd800;
const HIGH_LAST = 0xdbff;
const LOW_FIRST = 0xdc00;
const LOW_LAST = 0xdfff;

/** Why a string cannot be stored, or null when it can. */
export function unstorableReason(text: string): string | null {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit === NUL) return 'must not contain a NUL character (U+0000)';
    if (unit >= HIGH_FIRST && unit <= HIGH_LAST) {
      const next = text.charCodeAt(i + 1);
      if (next >= LOW_FIRST && next <= LOW_LAST) {
        i += 1;
        continue;
      }
      return 'must not contain a lone UTF-16 surrogate (not valid Unicode)';
    }
    if (unit >= LOW_FIRST && unit <= LOW_LAST)
      return 'must not contain a lone UTF-16 surrogate (not valid Unicode)';
  }
  return null;
}

/** The same text with every NUL and lone surrogate replaced by U+FFFD (unchanged when storable). */
export function storableText(text: string): string {
  if (unstorableReason(text) === null) return text;
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= HIGH_FIRST && unit <= HIGH_LAST && next >= LOW_FIRST && next <= LOW_LAST) {
      out += text[i] + text[i + 1];
      i += 1;
    } else out += unit === NUL || (unit >= HIGH_FIRST && unit <= LOW_LAST) ? '\ufffd' : text[i];
  }
  return out;
}

/** A bounded view of a bad string for a message: control characters and surrogates escaped. */
export function printableText(text: string, max = 80): string {
  const escaped = [...text.slice(0, max)]
    .map((c) => {
      const code = c.codePointAt(0)!;
      const unpaired = c.length === 1 && code >= HIGH_FIRST && code <= LOW_LAST;
      return code < 0x20 || code === 0x7f || unpaired ? `\\u${code.toString(16).padStart(4, '0')}` : c;
    })
    .join('');
  return text.length > max ? `${escaped}…` : escaped;
}

/** Deeper input than this is refused: no input type of the API nests more than a few levels. */
export const MAX_INPUT_DEPTH = 32;

/** An input the services cannot take, with the field as the client wrote it and the reason. */
export interface BadInput {
  readonly field: string;
  readonly message: string;
}

interface Pending {
  readonly value: unknown;
  readonly path: string;
  readonly depth: number;
}

/** The refusal of a value nested deeper than MAX_INPUT_DEPTH. */
export const tooDeep = (path: string): BadInput => ({
  field: path,
  message: `is nested more than ${MAX_INPUT_DEPTH} levels deep`,
});

/**
 * The first string (or object key) in a JSON-like value that no text column can store, or the
 * first place nested too deeply, walked with an explicit stack so that no depth of nesting can
 * overflow the call stack. `root` names the value (`$input`, `data`).
 */
export function findUnstorable(value: unknown, root: string): BadInput | null {
  const stack: Pending[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const reason = unstorableReason(value);
      if (reason) return { field: path, message: reason };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_INPUT_DEPTH) return tooDeep(path);
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1)
        stack.push({ value: value[index], path: `${path}[${index}]`, depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index];
      const reason = unstorableReason(key);
      if (reason) return { field: `${path}.${printableText(key)}`, message: `(a key) ${reason}` };
      stack.push({ value: item, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}
