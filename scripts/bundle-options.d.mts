import type { BuildOptions } from 'esbuild';
export declare const bundleExternals: string[];
export declare const bundleEntries: { name: string; entry: string; out: string; importMetaShim: boolean }[];
export declare function bundleOptions(root: string, entry: string, outfile: string, opts?: { quiet?: boolean; importMetaShim?: boolean; knowledgeSha256?: string | null }): BuildOptions;
export declare const KNOWLEDGE_SHA256_DEFINE: string;
export declare function knowledgeSha256(root: string): string | null;
export declare function cliBundleOptions(root: string, opts?: { quiet?: boolean }): BuildOptions;
