import type { Command } from '../command';
import { CliError } from '../cli-error';

/** Every command path, for the completion scripts (filled in by commands.ts). */
export const COMMAND_PATHS: string[][] = [];

function bash(paths: readonly string[][]): string {
  const cases = new Map<string, Set<string>>();
  for (const path of paths)
    for (let i = 0; i < path.length; i += 1) {
      const prefix = path.slice(0, i).join(' ');
      if (!cases.has(prefix)) cases.set(prefix, new Set());
      cases.get(prefix)!.add(path[i]);
    }
  const arms = [...cases.entries()]
    .map(([prefix, words]) => `    "${prefix}") words="${[...words].join(' ')}" ;;`)
    .join('\n');
  return `# codemyspec completion (bash): eval "$(codemyspec completion bash)"
_codemyspec() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" words="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    [[ "\${COMP_WORDS[i]}" == -* ]] && break
    path="\${path:+$path }\${COMP_WORDS[i]}"
  done
  case "$path" in
${arms}
    *) words="--help --json --url --token" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _codemyspec codemyspec
`;
}

function zsh(paths: readonly string[][]): string {
  return `#compdef codemyspec
# codemyspec completion (zsh): eval "$(codemyspec completion zsh)"
autoload -U bashcompinit && bashcompinit
${bash(paths)}`;
}

export const completionCommand: Command = {
  path: ['completion'],
  summary: 'Print a shell completion script (bash or zsh)',
  usage: 'codemyspec completion bash|zsh',
  help: ['Add eval "$(codemyspec completion bash)" to ~/.bashrc (zsh: ~/.zshrc with zsh).'],
  options: {},
  run(context) {
    const shell = context.positionals[0];
    if (shell !== 'bash' && shell !== 'zsh') throw new CliError('say which shell: bash or zsh', 2);
    context.out((shell === 'bash' ? bash : zsh)(COMMAND_PATHS).replace(/\n$/, ''));
    return Promise.resolve(0);
  },
};
