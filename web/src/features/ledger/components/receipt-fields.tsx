import { Alert, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../lib/api-client.ts';
import { getDrugLibrary, pharmacologyKeys } from '../../pharmacology/pharmacology.api.ts';
import { receivableProducts } from '../receipt-products.ts';
import { DraftTextInput, type FieldsProps, PartyFields } from './field-widgets.tsx';

/** Receipt (and the fields a receipt shares): product from the clinic's approved drug library, lot, quantity, supplier. */
export function ReceiptFields({ withSupplier = true, ...props }: FieldsProps & { withSupplier?: boolean }) {
  const { draft, set, errors, stock } = props;
  const library = useQuery({ queryKey: pharmacologyKeys.library, queryFn: getDrugLibrary });
  const products = library.data ? receivableProducts(library.data.current.library) : [];
  const product = products.find((p) => p.id === draft.productId);
  const choose = (productId: string) => {
    set('productId', productId);
    const next = products.find((p) => p.id === productId);
    if (next?.defaultVolumeMl) set('containerVolumeMl', String(next.defaultVolumeMl));
    set('concentrationMgPerMl', '');
  };
  return (
    <Stack>
      {library.isError && <Alert color="red">The drug library could not be loaded: {describeError(library.error)}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Product"
          required
          data={products.map((p) => ({ value: p.id, label: p.name }))}
          value={draft.productId || null}
          onChange={(value) => choose(value ?? '')}
          error={errors.productId}
          placeholder={library.isPending ? 'Loading the drug library…' : 'Choose'}
          comboboxProps={{ width: 'target' }}
        />
        <Select
          label="Storage location"
          required
          data={stock.registration.locations.map((l) => ({ value: l.id, label: l.name }))}
          value={draft.locationId || null}
          onChange={(value) => set('locationId', value ?? '')}
          error={errors.locationId}
          nothingFoundMessage="An administrator adds a storage location first"
        />
        <DraftTextInput {...props} field="lotNumber" label="Lot number" required />
        <DraftTextInput {...props} field="expiresOn" label="Lot expiry" type="date" required />
        <DraftTextInput {...props} field="containers" label="Containers received" required inputMode="numeric" />
        <DraftTextInput {...props} field="containerVolumeMl" label="Container volume (mL)" required inputMode="decimal" />
        {product && product.concentrationMgPerMl === undefined && (
          <DraftTextInput {...props} field="concentrationMgPerMl" label="Concentration (mg/mL)" required inputMode="decimal" />
        )}
      </SimpleGrid>
      {product?.concentrationMgPerMl !== undefined && (
        <Text size="sm" c="dimmed">
          {product.concentrationMgPerMl} mg/mL from the drug library.
        </Text>
      )}
      {withSupplier ? <SupplierFields {...props} /> : null}
    </Stack>
  );
}

function SupplierFields(props: FieldsProps) {
  return (
    <Stack>
      <PartyFields who="supplier" {...props} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DraftTextInput {...props} field="invoiceNumber" label="Invoice number" required />
        <DraftTextInput {...props} field="receivedOn" label="Date received" type="date" required />
      </SimpleGrid>
    </Stack>
  );
}
