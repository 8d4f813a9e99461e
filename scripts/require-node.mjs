/**
 * Guard: every npm script runs on the Node from the `node` devDependency (24), because
 * Astro 7 needs Node 22.12 or later. Written in plain JS syntax on purpose so that an
 * old Node reaches the message instead of a syntax error.
 */
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
	console.error(
		`poskb needs Node 22.12 or later, but this is Node ${process.versions.node} (${process.execPath}).\n` +
			'Run the scripts through npm (`npm run build`, `npm test`): npm puts node_modules/.bin/node (Node 24) first on PATH.\n' +
			'If node_modules/.bin/node is missing, run `npm install` first.',
	);
	process.exit(1);
}
