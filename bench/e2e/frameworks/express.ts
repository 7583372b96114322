/** Express 5: the rewrite as `app.use` before a routed handler, which sees the rewritten req.url. */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Framework } from '../framework.js';
import { wasmMiddleware } from '../framework.js';
import { APP_BODY, APP_ROUTE, REWRITE_HEADER, rewriteTarget } from '../rewrite.js';

function rewrite(req: Request, res: Response, next: NextFunction): void {
  req.url = rewriteTarget(req.url);
  res.setHeader(REWRITE_HEADER, '1');
  next();
}

export const expressFramework: Framework = {
  key: 'express',
  name: 'Express 5',
  adapter: '@dapr-wasm/express',
  async listener(variant, guestUrl) {
    const app = express();
    if (variant === 'js') app.use(rewrite);
    if (variant === 'wasm') app.use(await wasmMiddleware<RequestHandler>(this, guestUrl));
    app.get(APP_ROUTE, (_req, res) => {
      res.send(APP_BODY);
    });
    return app;
  },
};
