import { randomUUID } from 'node:crypto';

/** New record identifier (UUID v4: random, reveals nothing about time or order). */
export const newId = (): string => randomUUID();
