// Module hooks for route modules run outside Vite (race.ts's children): Vite turns an asset
// import such as "~/responses/comments.css?url" into its address; here it becomes a string.
export async function load(url, context, nextLoad) {
  if (/\.(css|svg|png|woff2?)(\?.*)?$/.test(url)) return { format: "module", source: `export default ${JSON.stringify(url)};`, shortCircuit: true };
  return nextLoad(url, context);
}
