import type { CallerContext } from './subgraph-client';
import { SubgraphClient } from './subgraph-client';

export interface ComponentFacts {
  readonly id: string;
  readonly projectId: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly moduleName: string | null;
  readonly acceptedDesignVersion: number | null;
  readonly designStatus: string;
  readonly testStatus: string;
  readonly codeStatus: string;
  /** The template of its design type, titled with its name. */
  readonly designTemplate: string;
  readonly stories: readonly { id: string }[];
  readonly dependencies: readonly { id: string; name: string; type: string; description: string }[];
}

export interface DesignFacts {
  readonly id: string;
  readonly componentId: string;
  readonly version: number;
  readonly markdown: string;
  readonly valid: boolean;
  readonly sha256: string;
  readonly testAssertions: readonly string[];
  readonly errors: readonly { code: string; message: string; section: string | null }[];
}

export interface DesignCheck {
  readonly valid: boolean;
  readonly errors: readonly { code: string; message: string; section: string | null }[];
  readonly testAssertions: readonly string[];
}

export interface ArchitectureFacts {
  readonly components: readonly {
    id: string;
    name: string;
    type: string;
    description: string;
    parentId: string | null;
  }[];
  readonly dependencies: readonly { from: { id: string; name: string }; to: { id: string; name: string } }[];
}

const COMPONENT_FIELDS = `id projectId parentId name type description moduleName acceptedDesignVersion
  designStatus testStatus codeStatus designTemplate stories { id } dependencies { id name type description }`;
const DESIGN_FIELDS = `id componentId version markdown valid sha256 testAssertions errors { code message section }`;

/** The architect's public API, as the sessions service uses it (components, designs, validation). */
export class ArchitectClient {
  private readonly client: SubgraphClient;

  constructor(url: string, secret: string) {
    this.client = new SubgraphClient('architect', url, secret);
  }

  async component(caller: CallerContext, id: string): Promise<ComponentFacts> {
    const data = await this.client.request<{ component: ComponentFacts }>(
      caller,
      `query ($id: ID!) { component(id: $id) { ${COMPONENT_FIELDS} } }`,
      { id },
    );
    return data.component;
  }

  /** The children of a context (its components), from the project's architecture. */
  async architecture(caller: CallerContext, projectId: string): Promise<ArchitectureFacts> {
    const data = await this.client.request<{ architecture: ArchitectureFacts }>(
      caller,
      `query ($projectId: ID!) { architecture(projectId: $projectId) {
        components { id name type description parentId }
        dependencies { from { id name } to { id name } } } }`,
      { projectId },
    );
    return data.architecture;
  }

  /** The accepted design (newest valid version), or null. */
  async acceptedDesign(caller: CallerContext, componentId: string): Promise<DesignFacts | null> {
    const data = await this.client.request<{ design: DesignFacts | null }>(
      caller,
      `query ($componentId: ID!) { design(componentId: $componentId) { ${DESIGN_FIELDS} } }`,
      { componentId },
    );
    return data.design;
  }

  /** One stored version of the component's design (valid or not), or null. */
  async designVersion(
    caller: CallerContext,
    componentId: string,
    version: number,
  ): Promise<DesignFacts | null> {
    const data = await this.client.request<{ design: DesignFacts | null }>(
      caller,
      `query ($componentId: ID!, $version: Int) { design(componentId: $componentId, version: $version) { ${DESIGN_FIELDS} } }`,
      { componentId, version },
    );
    return data.design;
  }

  /** Every stored version of the component's design: whether it was valid and when it was submitted. */
  async designHistory(
    caller: CallerContext,
    componentId: string,
  ): Promise<{ version: number; valid: boolean; submittedAt: string }[]> {
    const data = await this.client.request<{
      designHistory: { version: number; valid: boolean; submittedAt: string }[];
    }>(
      caller,
      `query ($componentId: ID!) { designHistory(componentId: $componentId) { version valid submittedAt } }`,
      { componentId },
    );
    return data.designHistory;
  }

  /** The unified diff of two versions' markdown. */
  async designDiff(caller: CallerContext, componentId: string, from: number, to: number): Promise<string> {
    const data = await this.client.request<{ designDiff: { diff: string } }>(
      caller,
      `query ($componentId: ID!, $from: Int!, $to: Int!) { designDiff(componentId: $componentId, fromVersion: $from, toVersion: $to) { diff } }`,
      { componentId, from, to },
    );
    return data.designDiff.diff;
  }

  async template(caller: CallerContext, type: string): Promise<string> {
    const data = await this.client.request<{ designTemplate: string }>(
      caller,
      `query ($type: String!) { designTemplate(type: $type) }`,
      { type },
    );
    return data.designTemplate;
  }

  async validate(caller: CallerContext, componentId: string, markdown: string): Promise<DesignCheck> {
    const data = await this.client.request<{ validateDesign: DesignCheck }>(
      caller,
      `query ($componentId: ID!, $markdown: String!) { validateDesign(componentId: $componentId, markdown: $markdown) {
        valid testAssertions errors { code message section } } }`,
      { componentId, markdown },
    );
    return data.validateDesign;
  }

  async submit(caller: CallerContext, componentId: string, markdown: string): Promise<DesignFacts> {
    const data = await this.client.request<{ submitDesign: DesignFacts }>(
      caller,
      `mutation ($input: SubmitDesignInput!) { submitDesign(input: $input) { ${DESIGN_FIELDS} } }`,
      { input: { componentId, markdown } },
    );
    return data.submitDesign;
  }
}
