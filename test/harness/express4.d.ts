// `express4` is an npm alias of express@4, which ships no types; its API used here matches v5's.
declare module 'express4' {
  import express from 'express';
  export default express;
}
