export declare const contentSecurityPolicy: string;
export declare const securityHeaders: ReadonlyArray<{ key: string; value: string }>;
