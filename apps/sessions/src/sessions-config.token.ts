export const SESSIONS_CONFIG = Symbol('SESSIONS_CONFIG');
