import { Hono } from 'hono';

/** Static pages (buyer chat, agent console). Being built in a parallel change. */
export const pageRoutes = () => new Hono();
