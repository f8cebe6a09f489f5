/** Asking for files as tool calls or as a JSON-schema reply, and reading them back. */

const FILE_PROPERTIES = {
  path: { type: 'string', description: 'The file path, relative to the workspace root.' },
  content: { type: 'string', description: 'The full content of the file.' },
};

export const WRITE_FILE_TOOL = {
  type: 'function' as const,
  function: {
    name: 'write_file',
    description: 'Write one file of the workspace in full. Call it once per file.',
    parameters: {
      type: 'object',
      properties: FILE_PROPERTIES,
      required: ['path', 'content'],
      additionalProperties: false,
    },
  },
};

export const FILES_RESPONSE_FORMAT = {
  type: 'json_schema' as const,
  json_schema: {
    name: 'files',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        files: {
          type: 'array',
          items: {
            type: 'object',
            properties: FILE_PROPERTIES,
            required: ['path', 'content'],
            additionalProperties: false,
          },
        },
      },
      required: ['files'],
      additionalProperties: false,
    },
  },
};

export interface ProposedFiles {
  readonly files: { path: string; content: string }[];
  readonly error: string | null;
}

function asFile(value: unknown): { path: string; content: string } | null {
  const file = value as { path?: unknown; content?: unknown } | null;
  return file && typeof file.path === 'string' && typeof file.content === 'string'
    ? { path: file.path, content: file.content }
    : null;
}

function parseArguments(text: string): { path: string; content: string } | null {
  try {
    return asFile(JSON.parse(text));
  } catch {
    return null;
  }
}

/** `write_file` calls; a call with unreadable arguments is reported, the others kept. */
export function filesFromToolCalls(calls: readonly { name: string; arguments: string }[]): ProposedFiles {
  const files: { path: string; content: string }[] = [];
  const problems: string[] = [];
  for (const [i, call] of calls.entries()) {
    if (call.name !== 'write_file') {
      problems.push(`call ${i + 1} is to an unknown tool "${call.name}"`);
      continue;
    }
    const file = parseArguments(call.arguments);
    if (file) files.push(file);
    else problems.push(`call ${i + 1} has arguments that are not {"path", "content"} JSON`);
  }
  if (calls.length === 0) problems.push('the reply made no write_file call');
  return { files, error: problems.length ? problems.join('; ') : null };
}

/** `{"files": [{"path", "content"}]}`, bare or inside a ```json fence. */
export function filesFromJson(text: string): ProposedFiles {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) return { files: [], error: 'the reply is not a JSON object' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, end + 1));
  } catch {
    return { files: [], error: 'the reply is not valid JSON' };
  }
  const list = (parsed as { files?: unknown }).files;
  if (!Array.isArray(list)) return { files: [], error: 'the JSON reply has no "files" array' };
  const files = list.map(asFile);
  const bad = files.filter((f) => f === null).length;
  return {
    files: files.filter((f): f is { path: string; content: string } => f !== null),
    error: bad ? `${bad} entr(ies) of "files" lack a string path or content` : null,
  };
}
