import { deciderSpec } from '@app/testing/decider-spec';
import type { SubmitDesign } from './submit-design/submit-design.command';
import { designDecider } from './design.decider';
import type { DesignSubmitted } from '../design/design.events';

const spec = deciderSpec(designDecider);
const submit = (valid: boolean, at: string): SubmitDesign => ({
  type: 'SubmitDesign',
  designId: `d-${at}`,
  componentId: 'c-1',
  componentName: 'Cart',
  contextName: 'Shop',
  markdown: '# Cart',
  sha256: 'abc',
  validation: {
    valid,
    errors: valid ? [] : [{ code: 'missing-section', message: 'no Purpose', section: 'Purpose' }],
    proposedComponents: [],
    testAssertions: ['adds items'],
  },
  at,
});
const submitted = (version: number, valid: boolean, at: string): DesignSubmitted => ({
  type: 'DesignSubmitted',
  data: {
    designId: `d-${at}`,
    componentId: 'c-1',
    componentName: 'Cart',
    contextName: 'Shop',
    version,
    markdown: '# Cart',
    sha256: 'abc',
    valid,
    errors: valid ? [] : [{ code: 'missing-section', message: 'no Purpose', section: 'Purpose' }],
    proposedComponents: [],
    testAssertions: ['adds items'],
    at,
  },
});

describe('design decider', () => {
  it('numbers every submission, valid or not', () => {
    spec
      .given([])
      .when(submit(false, 'T1'))
      .then([submitted(1, false, 'T1')]);
    spec
      .given([submitted(1, false, 'T1')])
      .when(submit(true, 'T2'))
      .then([submitted(2, true, 'T2')]);
  });

  it('keeps the newest valid version as the accepted one', () => {
    spec
      .given([submitted(1, true, 'T1')])
      .when(submit(false, 'T2'))
      .thenState({ versions: 2, acceptedVersion: 1 });
    spec
      .given([submitted(1, true, 'T1'), submitted(2, false, 'T2')])
      .when(submit(true, 'T3'))
      .thenState({ versions: 3, acceptedVersion: 3 });
  });
});
