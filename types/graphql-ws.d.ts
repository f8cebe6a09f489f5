// graphql-ws only declares `exports`, which the node10 resolution used for CommonJS output ignores.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
