/**
 * What MDX authors import, from one path:
 *
 *   import { RoleSteps, Warning, Inference, Correction, Family } from '~/components.ts';
 *
 * Page chrome (facts panel, footer, search) lives in `src/components/` and is not for authors.
 */
export { default as RoleSteps } from './user-components/RoleSteps.astro';
export { default as Warning } from './user-components/Warning.astro';
export { default as Inference } from './user-components/Inference.astro';
export { default as Correction } from './user-components/Correction.astro';
export { default as Family } from './user-components/Family.astro';
