// The e2e server: its own port and database, reset by scripts/test.mjs before each run.
const port = Number(process.env.E2E_PORT ?? 3100);

export const e2e = {
  baseURL: `http://127.0.0.1:${port}`,
  admin: { email: 'admin@e2e.test', password: 'e2e admin passphrase' },
  serverEnv: {
    PORT: String(port),
    DATABASE_URL: 'data/e2e/aula.sqlite',
    AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    ADMIN_EMAIL: 'admin@e2e.test',
    ADMIN_PASSWORD: 'e2e admin passphrase',
    // Lets tests fast-forward the server's progress clock (see lib/progress/clock.ts).
    AULA_TEST_CLOCK_FILE: 'data/e2e/clock-offset',
    // The test runner stands in for a proxy on this machine: a test gives its visitor an address of
    // its own with X-Forwarded-For (tests/e2e/client-address.spec.ts tries the default, which believes none).
    TRUST_PROXY: '127.0.0.1, ::1',
  },
};
