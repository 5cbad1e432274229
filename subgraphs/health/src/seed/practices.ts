/**
 * Fictional GP practices, one or two per Warwickshire outward code. ODS practice codes are a
 * letter and five digits; the 9xx serials keep these clear of real practices' codes.
 */
const PRACTICES_BY_OUTWARD: Record<string, readonly (readonly [odsCode: string, name: string])[]> = {
  CV31: [['M84901', 'Brunswick Street Surgery'], ['M84902', 'Sydenham Health Centre']],
  CV32: [['M84903', 'Clarendon Medical Practice'], ['M84904', 'Lillington Family Practice']],
  CV33: [['M84905', 'Whitnash Village Surgery']],
  CV34: [['M84906', 'Priory Medical Centre'], ['M84907', 'Castle Lane Surgery']],
  CV35: [['M84908', 'Wellesbourne Health Centre']],
  CV21: [['M84909', 'Railway Terrace Surgery'], ['M84910', 'Clifton Road Practice']],
  CV22: [['M84911', 'Bilton Medical Centre'], ['M84912', 'Brownsover Health Centre']],
  CV23: [['M84913', 'Dunchurch Surgery']],
  CV10: [['M84914', 'Camp Hill Health Centre'], ['M84915', 'Stockingford Medical Centre']],
  CV11: [['M84916', 'Attleborough Surgery'], ['M84917', 'Riversley Park Practice']],
  CV12: [['M84918', 'Bulkington Lane Surgery'], ['M84919', 'Bedworth Health Centre']],
  CV13: [['M84920', 'Market Bosworth Road Surgery']],
  CV37: [['M84921', 'Rother House Medical Centre'], ['M84922', 'Tiddington Road Surgery']],
  CV9: [['M84923', 'Atherstone Surgery']],
  B46: [['M84924', 'Coleshill Health Centre']],
  B49: [['M84925', 'Alcester Health Centre']],
  B50: [['M84926', 'Bidford Health Centre']],
  B78: [['M84927', 'Polesworth Medical Practice']],
  B80: [['M84928', 'Studley Health Centre']],
};

const FALLBACK = [['M84929', 'Warwickshire Out-of-Area Practice']] as const;

export interface Practice {
  odsCode: string;
  name: string;
}

/** The practices near a postcode; a household registers with one of them. */
export function practicesNear(postcode: string): Practice[] {
  const list = PRACTICES_BY_OUTWARD[postcode.split(' ')[0]] ?? FALLBACK;
  return list.map(([odsCode, name]) => ({ odsCode, name }));
}
