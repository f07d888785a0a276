// A static SPA: no server rendering; every route is prerendered as a shell so deep links work offline.
export const ssr = false;
export const prerender = true;
