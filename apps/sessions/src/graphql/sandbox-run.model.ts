import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { RunEvidence } from '@app/domain';

export enum SandboxOutcomeEnum {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  NO_TESTS = 'NO_TESTS',
  TIMEOUT = 'TIMEOUT',
  OOM = 'OOM',
  OUTPUT_LIMIT = 'OUTPUT_LIMIT',
  DISK_LIMIT = 'DISK_LIMIT',
  ERROR = 'ERROR',
}
registerEnumType(SandboxOutcomeEnum, { name: 'SandboxOutcome' });

export enum RunEvidenceEnum {
  RED = 'RED',
  GREEN = 'GREEN',
  NONE = 'NONE',
}
registerEnumType(RunEvidenceEnum, { name: 'RunEvidence' });

@ObjectType()
export class TestResultModel {
  @Field() name!: string;
  @Field({ description: 'PASSED, FAILED, SKIPPED, TODO or CANCELLED' }) status!: string;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Why it failed: assertion, missing_module (the component's own implementation), missing_dependency (any other module), syntax, runtime, timeout or cancelled.",
  })
  failureKind!: string | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
  @Field(() => RunEvidenceEnum, {
    description:
      'What this test shows: RED (failed on an assertion or the missing implementation), GREEN (passed), NONE (failed for another reason, or skipped).',
  })
  evidence!: RunEvidence;
}

@ObjectType()
export class FileRef {
  @Field() path!: string;
  @Field() sha256!: string;
  @Field(() => [String], { description: 'The test names a test file declares (empty for other files).' })
  tests!: string[];
}

@ObjectType({
  description: 'One assertion of the accepted design and the test named after it, if the run has one.',
})
export class AlignedAssertion {
  @Field() assertion!: string;
  @Field(() => String, { nullable: true }) testName!: string | null;
}

@ObjectType({
  description: "The run's tests against the component's accepted design (the TESTS session's rule).",
})
export class TestAlignmentModel {
  @Field(() => Int, { nullable: true, description: 'The accepted design version; null when there is none.' })
  designVersion!: number | null;
  @Field(() => [AlignedAssertion]) assertions!: AlignedAssertion[];
  @Field(() => [String], { description: 'Assertions no test of the run is named after.' }) missing!: string[];
}

@ObjectType('SandboxRun')
@Directive('@key(fields: "id")')
export class SandboxRunModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => ID, { nullable: true }) sessionId!: string | null;
  @Field({ description: 'MANUAL, TESTS or CODE' }) purpose!: string;
  @Field(() => SandboxOutcomeEnum) outcome!: SandboxOutcomeEnum;
  @Field(() => Int, { nullable: true }) exitCode!: number | null;
  @Field(() => Int) durationMs!: number;
  @Field(() => Int) testsPassed!: number;
  @Field(() => Int) testsFailed!: number;
  @Field(() => [TestResultModel]) tests!: TestResultModel[];
  @Field({ description: 'docker or bubblewrap' }) driver!: string;
  @Field(() => String, {
    nullable: true,
    description: 'timeout or output_limit when the runner killed the run.',
  })
  killedBy!: string | null;
  @Field() oomKilled!: boolean;
  @Field() outputTruncated!: boolean;
  @Field(() => [String]) command!: string[];
  @Field() image!: string;
  @Field(() => Int, { description: 'The project workspace version holding these files.' })
  workspaceVersion!: number;
  @Field(() => [FileRef]) files!: FileRef[];
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field() recordedAt!: string;
  @Field({
    description:
      'Red evidence: at least one test failed on an assertion or the missing implementation, and none failed for another reason (tests passing beside them are allowed).',
  })
  redEvidence!: boolean;
  @Field({ description: 'Green evidence: tests ran and all passed.' }) greenEvidence!: boolean;
  @Field(() => RunEvidenceEnum, { description: 'RED, GREEN or NONE: what the run proves for its component.' })
  evidence!: RunEvidence;
  @Field({ description: 'Why the run is (or is not) evidence, in words.' }) evidenceReason!: string;
  /** Resolved from its blob when asked for. */
  outputSha256!: string;
}
