package org.tandem.staff;

/** Where a person stands: invited (no call yet), active, or deactivated (every request refused). */
public enum StaffStatus {
    INVITED, ACTIVE, DEACTIVATED
}
