-- Each service, and the web chat adapter, owns its own database.
create database bot;
create database handover;
create database agent;
create database transcript;
create database webchat;
