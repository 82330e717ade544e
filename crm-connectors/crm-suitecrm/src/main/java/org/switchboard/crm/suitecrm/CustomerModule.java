package org.switchboard.crm.suitecrm;

import java.util.ArrayList;
import java.util.List;

/**
 * A SuiteCRM module that holds customers, with the phone fields a lookup searches.
 *
 * @param name        the module name used in requests ({@code Contacts})
 * @param phoneFields its phone fields
 */
record CustomerModule(String name, List<String> phoneFields) {
    static final CustomerModule CONTACTS = new CustomerModule("Contacts",
            List.of("phone_work", "phone_mobile", "phone_home", "phone_other", "phone_fax"));
    static final CustomerModule LEADS = new CustomerModule("Leads",
            List.of("phone_work", "phone_mobile", "phone_home", "phone_other", "phone_fax"));
    static final CustomerModule ACCOUNTS = new CustomerModule("Accounts",
            List.of("phone_office", "phone_alternate", "phone_fax"));

    static List<CustomerModule> all(String[] names) {
        List<CustomerModule> modules = new ArrayList<>();
        for (String name : names == null ? new String[0] : names) {
            modules.add(of(name.strip()));
        }
        return modules;
    }

    static CustomerModule of(String name) {
        for (CustomerModule m : List.of(CONTACTS, LEADS, ACCOUNTS)) {
            if (m.name.equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("lookupModules: '" + name + "' is not Contacts, Leads or Accounts");
    }

    /** The attributes a lookup asks for: name, phones and the primary email. */
    String fields() {
        return "name," + String.join(",", phoneFields) + ",email1";
    }
}
