import { usePageTitle } from '../../components/govuk';

export function ReferralPage() {
  usePageTitle('ReferralPage');
  return <h1 className="govuk-heading-l">ReferralPage</h1>;
}
