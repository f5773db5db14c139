/** CDK app entry (`cdk.json` runs it): `npm run synth`, `npm run deploy`. */
import { buildApp } from './koujing-app.ts';

const { app } = buildApp({ account: process.env.CDK_DEFAULT_ACCOUNT });
app.synth();
