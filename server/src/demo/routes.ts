import express, { Router } from 'express';
import { fileURLToPath } from 'node:url';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));

/** The demo site `npm start` serves in sandbox mode: plain HTML pages, no inline script or style. */
export function demoRouter(): Router {
  const router = Router();
  router.get('/', (_req, res) => res.redirect(302, '/demo/careers'));
  router.use('/demo', express.static(pages, { extensions: ['html'], index: false }));
  return router;
}
