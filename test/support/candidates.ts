// The candidate the tests and benches submit: valid by Checkr's rules (its test SSN and CA test
// licence), living where the ZIP code is (Greenwich, CT). No node:test here, so benches can use it.
export const michael = {
  first_name: 'Michael',
  middle_name: 'Gary',
  no_middle_name: false,
  last_name: 'Scott',
  email: 'michael.scott@dundermifflin.com',
  phone: '2035408926',
  zipcode: '06831',
  dob: '1964-03-15',
  ssn: '111-11-2001',
  driver_license_number: 'F1112001',
  driver_license_state: 'CA',
  residence_state: 'CT',
};
