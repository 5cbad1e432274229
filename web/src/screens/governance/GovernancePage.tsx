import { usePageTitle } from '../../components/govuk';

export function GovernancePage() {
  usePageTitle('GovernancePage');
  return <h1 className="govuk-heading-l">GovernancePage</h1>;
}
