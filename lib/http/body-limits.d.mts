export declare const bodyLimits: {
  readonly json: number;
  readonly auth: number;
  readonly action: number;
};
