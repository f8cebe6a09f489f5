/**
 * The domain kernel: public event contracts, event and decider types, domain errors and their
 * client codes, access rules, ids. It imports no framework, driver or I/O module.
 */
export * from './auth/identity';
export * from './contracts/architect.contract';
export * from './contracts/publication';
export * from './contracts/sessions.contract';
export * from './contracts/stories.contract';
export * from './decider/decider';
export * from './errors/domain-error';
export * from './events/concurrency.error';
export * from './events/event-envelope';
export * from './events/expected-version';
export * from './events/upcaster-registry';
export * from './util/uuid';
export * from './values/criterion-ref';
export * from './values/storable-text';
export * from './values/test-name';
export * from './values/trace-status';
export * from './evidence/run-evidence';
export * from './decider/record-once';
export * from './stories-markdown/story-text';
export * from './stories-markdown/user-stories-markdown';
export * from './stories-markdown/user-stories-example';
