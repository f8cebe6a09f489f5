import { SANDBOX_RUN_STREAM } from '@app/domain';

export function sandboxRunStreamId(runId: string): string {
  return `${SANDBOX_RUN_STREAM}-${runId}`;
}
