import { Injectable } from '@nestjs/common';
import type { AssemblyRequest } from '../../context/context-assembly';
import { LlmLedger } from '../llm-ledger';
import type { StepOutcome, StepRun } from './session-step';
import type { ReworkBasis } from '../../session/session.events';
import type { Basis } from './step-files';
import { StepFiles } from './step-files';
import { selectStepFiles } from './step-reply';

/** Which files of a reply a step takes: a reason against a path (null: taken), and where an example would go. */
export interface FileRules {
  readonly reasonAgainst: (path: string) => string | null;
  readonly examplePath: string;
  /** What the files were written against (the red run, its tests, the design version). */
  readonly basis?: Basis;
  /** TESTS: the green run and design change being reworked. */
  readonly rework?: ReworkBasis;
}

/**
 * The tail every writing step shares: ask the LLM (through the ledger, which records the call and
 * keeps the budget) for files, take the ones the rules allow, and write them into the workspace.
 */
@Injectable()
export class FilesFromLlm {
  constructor(
    private readonly ledger: LlmLedger,
    private readonly files: StepFiles,
  ) {}

  async write(
    { state, step, signal }: StepRun,
    request: AssemblyRequest,
    rules: FileRules,
  ): Promise<StepOutcome> {
    const { answer, state: next } = await this.ledger.call(state, step, request, signal, { files: true });
    const selection = selectStepFiles(answer, rules.reasonAgainst, rules.examplePath);
    return this.files.write(next, step, selection, { basis: rules.basis, rework: rules.rework });
  }
}
