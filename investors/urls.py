from django.urls import path

from . import views

app_name = "investors"

urlpatterns = [
    path("inquire/", views.inquiry_create, name="inquire"),
    path("inquire/thanks/", views.inquiry_thanks, name="thanks"),
    path("inquire/status/", views.inquiry_status, name="status"),
    path("inquire/visit/", views.site_visit_create, name="visit"),
    path("inquire/visit/new/", views.site_visit_book, name="visit_book"),
    path("inquire/visit/<int:pk>/cancel/", views.site_visit_cancel_view, name="visit_cancel"),
    path("privacy/", views.PrivacyNoticeView.as_view(), name="privacy"),
]
