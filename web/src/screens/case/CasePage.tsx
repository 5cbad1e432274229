import { usePageTitle } from '../../components/govuk';

export function CasePage() {
  usePageTitle('CasePage');
  return <h1 className="govuk-heading-l">CasePage</h1>;
}
