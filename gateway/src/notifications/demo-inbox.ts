import express, { type Router } from 'express';
import type { Logger } from '@mash/shared';

/** What the demo inbox keeps of a message: ids and codes, never the child's details. */
interface Received {
  reference: string;
  scheme: string;
  recipient: string;
  receivedAt: string;
}

const KEEP = 100;

/**
 * Demo mode only: a stand-in for schools' and GPs' systems at /notifications/demo-inbox, the
 * default delivery address when none is configured, so `npm start` shows messages arriving.
 * POST accepts a message (logged by reference); GET lists the last 100 received, ids only.
 */
export function demoInbox(logger: Logger): Router {
  const router = express.Router();
  const received: Received[] = [];
  router.post('/', express.json({ limit: '64kb' }), (req, res) => {
    const body = (req.body ?? {}) as { reference?: unknown; scheme?: unknown; school?: { urn?: unknown }; practice?: { odsCode?: unknown } };
    const entry = {
      reference: String(body.reference ?? ''),
      scheme: String(body.scheme ?? ''),
      recipient: String(body.school?.urn ?? body.practice?.odsCode ?? ''),
      receivedAt: new Date().toISOString(),
    };
    received.unshift(entry);
    received.length = Math.min(received.length, KEEP);
    logger.info('demo_inbox_received', { reference: entry.reference, scheme: entry.scheme, recipient: entry.recipient });
    res.status(202).json({ accepted: true });
  });
  router.get('/', (_req, res) => {
    res.json({ received });
  });
  return router;
}
