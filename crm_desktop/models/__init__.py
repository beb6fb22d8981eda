"""The data model, its migrations and the database connection (no Qt here)."""

from crm_desktop.models.base import Base, Tracked, utcnow
from crm_desktop.models.changes import ChangeEntry, Operation
from crm_desktop.models.ids import new_id
from crm_desktop.models.imports import ImportBatch, ImportChange
from crm_desktop.models.local import ContactSearch, Setting
from crm_desktop.models.people import (
    Channel,
    Company,
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Lifecycle,
    Role,
    Segment,
    Tag,
    User,
)
from crm_desktop.models.sales import (
    Campaign,
    Deal,
    DealLine,
    LeadSource,
    LostReason,
    Pipeline,
    Product,
    Stage,
)
from crm_desktop.models.work import (
    Activity,
    ActivityKind,
    ActivityType,
    MessageTemplate,
    Priority,
    RequestStatus,
    ServiceRequest,
    Target,
)

__all__ = [
    "Activity",
    "ActivityKind",
    "ActivityType",
    "Base",
    "Campaign",
    "ChangeEntry",
    "Channel",
    "Company",
    "Contact",
    "ContactEmail",
    "ContactPhone",
    "ContactSearch",
    "ContactTag",
    "Deal",
    "DealLine",
    "ImportBatch",
    "ImportChange",
    "LeadSource",
    "Lifecycle",
    "LostReason",
    "MessageTemplate",
    "Operation",
    "Pipeline",
    "Priority",
    "Product",
    "RequestStatus",
    "Role",
    "Segment",
    "ServiceRequest",
    "Setting",
    "Stage",
    "Tag",
    "Target",
    "Tracked",
    "User",
    "new_id",
    "utcnow",
]
