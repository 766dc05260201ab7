const r=()=>Math.round(process.memoryUsage().rss/1048576);
if (process.argv[2]==="tsx") { const { register } = await import("tsx/esm/api"); register(); }
console.log("base", r());
await import(process.argv[3]);
globalThis.gc(); await new Promise(s=>setTimeout(s,300));
console.log("after", r(), "heap", Math.round(process.memoryUsage().heapTotal/1048576), Math.round(process.memoryUsage().heapUsed/1048576));
