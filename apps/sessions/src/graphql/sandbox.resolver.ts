import { Inject } from '@nestjs/common';
import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { authorize, isUuid, NotFoundError } from '@app/domain';
import { CurrentRequest } from '@app/platform';
import { ProjectSettingsService } from '../project-settings/project-settings.service';
import { RunTestsService } from '../sandbox-runs/run-tests/run-tests.service';
import { SandboxProvider } from '../sandbox/sandbox-provider';
import { DEFAULT_TEST_COMMAND } from '../sandbox/test-command';
import type { SessionsConfig } from '../sessions-config';
import { SESSIONS_CONFIG } from '../sessions-config';
import { WorkspaceService } from '../workspace/workspace.service';
import { ArchitectClient } from '../clients/architect-client';
import { alignRun } from '../sandbox-runs/run-tests/test-alignment-of-run';
import { SandboxRunModel, TestAlignmentModel } from './sandbox-run.model';
import { ConfigureProjectSandboxInput, RunTestsInput } from './sessions.inputs';
import { sandboxRunView } from './sandbox-run.view';
import { ProjectSandboxModel, WorkspaceModel } from './workspace.model';

@Resolver(() => SandboxRunModel)
export class SandboxRunResolver {
  constructor(
    private readonly runTestsService: RunTestsService,
    private readonly workspaces: WorkspaceService,
    private readonly architect: ArchitectClient,
  ) {}

  @Mutation(() => SandboxRunModel, {
    description: 'Runs the files in the sandbox (manual mode) and records the run as red/green evidence.',
  })
  async runTests(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: RunTestsInput,
  ): Promise<SandboxRunModel> {
    return sandboxRunView(await this.runTestsService.runTests(context, input));
  }

  @Query(() => SandboxRunModel)
  async sandboxRun(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SandboxRunModel> {
    return sandboxRunView(await this.runTestsService.run(context, id));
  }

  @Query(() => [SandboxRunModel], { description: 'The newest runs of a component first.' })
  async sandboxRuns(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<SandboxRunModel[]> {
    return (await this.runTestsService.runs(context, componentId, first)).map(sandboxRunView);
  }

  @ResolveField(() => TestAlignmentModel, {
    description:
      "The run's tests against the component's accepted design: which assertions have a test, which do not.",
  })
  async alignment(
    @CurrentRequest() context: RequestContext,
    @Parent() run: SandboxRunModel,
  ): Promise<TestAlignmentModel> {
    const design = await this.architect.acceptedDesign(context, run.componentId);
    const names = [...run.tests.map((t) => t.name), ...run.files.flatMap((f) => f.tests)];
    return { designVersion: design?.version ?? null, ...alignRun(design?.testAssertions ?? [], names) };
  }

  @ResolveField(() => String, { description: 'stdout and stderr as they came, cut at the output limit.' })
  async output(@Parent() run: SandboxRunModel): Promise<string> {
    if (!run.outputSha256) return '';
    return (await this.workspaces.getBlob(run.outputSha256))?.toString('utf8') ?? '';
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext): Promise<SandboxRunModel> {
    return sandboxRunView(await this.runTestsService.run(context, reference.id));
  }
}

@Resolver(() => WorkspaceModel)
export class WorkspaceResolver {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly settings: ProjectSettingsService,
    private readonly sandbox: SandboxProvider,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
  ) {}

  private check(context: RequestContext, projectId: string): void {
    if (!isUuid(projectId)) throw new NotFoundError('project', projectId);
    authorize(context.identity, projectId, 'read');
  }

  @Query(() => WorkspaceModel, { description: 'The path → blob map of a version (the newest by default).' })
  async workspace(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number,
  ): Promise<WorkspaceModel> {
    this.check(context, projectId);
    const state = await this.workspaces.load(projectId, undefined, version ?? undefined);
    return {
      projectId,
      version: state.version,
      files: [...state.files.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([path, entry]) => ({ path, sha256: entry.sha256, size: entry.size, version: entry.version })),
    };
  }

  @Query(() => String, { nullable: true, description: 'One file of a version (the newest by default).' })
  async workspaceFile(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('path') path: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number,
  ): Promise<string | null> {
    this.check(context, projectId);
    const [file] = await this.workspaces.files(projectId, { version: version ?? undefined, paths: [path] });
    return file?.content ?? null;
  }

  @Query(() => String, { description: 'A tar of a version (the newest by default), base64-encoded.' })
  async workspaceTar(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number,
  ): Promise<string> {
    this.check(context, projectId);
    return (await this.workspaces.tar(projectId, version ?? undefined)).toString('base64');
  }

  @Query(() => ProjectSandboxModel)
  async projectSandbox(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
  ): Promise<ProjectSandboxModel> {
    this.check(context, projectId);
    return this.view(await this.settings.get(projectId));
  }

  @Mutation(() => ProjectSandboxModel, { description: "Sets the project's sandbox image and test command." })
  async configureProjectSandbox(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: ConfigureProjectSandboxInput,
  ): Promise<ProjectSandboxModel> {
    const settings = await this.settings.configure(
      context,
      input.projectId,
      input.image ?? null,
      input.testCommand ?? null,
    );
    return this.view(settings);
  }

  private view(settings: {
    projectId: string;
    image: string | null;
    testCommand: string | null;
  }): ProjectSandboxModel {
    return {
      ...settings,
      effectiveImage: settings.image ?? this.config.sandbox.image,
      effectiveTestCommand: settings.testCommand ?? DEFAULT_TEST_COMMAND,
      driver: this.sandbox.driver,
    };
  }
}
