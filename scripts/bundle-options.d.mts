import type { BuildOptions } from 'esbuild';
export declare const bundleExternals: string[];
export declare const bundleEntries: { name: string; entry: string; out: string; importMetaShim: boolean }[];
export declare function bundleOptions(root: string, entry: string, outfile: string, opts?: { quiet?: boolean; importMetaShim?: boolean }): BuildOptions;
