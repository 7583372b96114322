// `koa2` is an npm alias of koa@2, which ships no types; the API used here matches v3's.
declare module 'koa2' {
  import Koa from 'koa';
  export default Koa;
}
