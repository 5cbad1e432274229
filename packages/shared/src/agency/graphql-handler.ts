import { parse } from 'node:url';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { settleDeferredClaim, type GrantGuardObserver } from '../grants/guard';
import type { Logger } from '../logger';

/**
 * The agency's `/graphql` handler after the grant guard: Apollo executes the request, then the
 * grant's deferred claim is settled (`settleDeferredClaim`) and only then is the answer sent. A
 * grant used before gets the guard's 401 and the executed answer is dropped, so nothing leaves
 * under a grant that was not used up by this request. What `@as-integrations/express5` does, with
 * that step between executing and sending.
 */
export function answerAfterClaim<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (res: Response) => Promise<C>,
  options: { logger: Logger; observer?: GrantGuardObserver },
): RequestHandler {
  server.assertStarted('answerAfterClaim()');
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: parse(req.url).search ?? '', body: req.body },
        context: () => context(res),
      });
      if (!(await settleDeferredClaim(req, res, options))) return;
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.send(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      next(error);
    }
  };
}
