import { z } from 'zod';

/** The OpenAPI tag of every case-record endpoint. */
export const tags = ['case record'];

/** The empty body of a 204 answer. */
export const NoContent = z.undefined();
