/** Paths as the validator prints them: repository-relative with `/`, on every platform. */
import { sep } from 'node:path';

export const posix = (p: string) => p.split(sep).join('/');
